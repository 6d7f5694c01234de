package app.carryover.transcripts;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on Spring's scheduled methods for the transcript retention pass. The pass is safe to run on
 * every node at once (each deletion is one conditional UPDATE), so no cluster lock is needed.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TranscriptScheduling {
}
