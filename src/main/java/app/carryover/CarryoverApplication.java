package app.carryover;

import java.util.Arrays;

import org.springframework.boot.autoconfigure.SpringBootApplication;

import app.carryover.coach.CoachCommand;
import app.carryover.system.BackupCommand;
import app.carryover.transcripts.TranscriptsCommand;

/**
 * Entry point. Command-line subcommands are dispatched before Spring starts, so they need
 * neither the server nor a database; anything else starts the server.
 */
@SpringBootApplication
public class CarryoverApplication {

    public static void main(String[] args) {
        if (args.length > 0 && !args[0].startsWith("-")) {
            String[] rest = Arrays.copyOfRange(args, 1, args.length);
            switch (args[0]) {
                case "server" -> CarryoverServer.run(rest);
                case "coach" -> System.exit(CoachCommand.run(rest));
                case "transcripts" -> System.exit(TranscriptsCommand.run(rest));
                case "backup", "backup-key", "restore" ->
                        System.exit(BackupCommand.run(args[0], rest, System.out, System.err));
                default -> {
                    System.err.println("Unknown command '" + args[0] + "'. Commands: server (default), coach, transcripts, backup-key, backup, restore.");
                    System.exit(2);
                }
            }
            return;
        }
        CarryoverServer.run(args);
    }
}
