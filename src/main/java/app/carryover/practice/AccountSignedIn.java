package app.carryover.practice;

import java.time.Instant;

import app.carryover.system.Actor;

/** Someone has signed in fully (every factor their account needs). */
public record AccountSignedIn(Actor actor, String method, String address, Instant at) {
}
