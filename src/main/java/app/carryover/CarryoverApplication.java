package app.carryover;

import java.util.Arrays;

import org.springframework.boot.autoconfigure.SpringBootApplication;

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
                case "coach" -> System.exit(app.carryover.coach.CoachCommand.run(rest));
                case "transcripts" -> System.exit(app.carryover.transcripts.TranscriptsCommand.run(rest));
                case "backup", "backup-key", "restore" ->
                        System.exit(app.carryover.system.BackupCommand.run(args[0], rest, System.out, System.err));
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
