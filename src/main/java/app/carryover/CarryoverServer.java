package app.carryover;

import org.springframework.boot.SpringApplication;

/** Starts the web server. */
final class CarryoverServer {

    private CarryoverServer() {
    }

    static void run(String[] args) {
        SpringApplication.run(CarryoverApplication.class, args);
    }
}
