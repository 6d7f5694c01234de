package app.carryover.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * A test against the whole application on a random port, the shared bundled PostgreSQL and
 * GreenMail. All such classes share one Spring context; each makes its own practice (a {@link Clinic}).
 * {@link CarryoverExtension} puts the test clock back around each test and hands out the clinic.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ExtendWith(CarryoverExtension.class)
public @interface CarryoverTest {
}
