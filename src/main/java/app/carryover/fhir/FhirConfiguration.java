package app.carryover.fhir;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ca.uhn.fhir.context.FhirContext;

/**
 * The one {@link FhirContext} of the application. Building one scans the R4 model (about a second)
 * and it is thread-safe, so every parser and the validator share it. HAPI brings Jackson 2
 * ({@code com.fasterxml}) for its JSON parser; it lives beside Boot's Jackson 3 ({@code tools.jackson})
 * without either seeing the other.
 */
@Configuration(proxyBeanMethods = false)
class FhirConfiguration {

    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4Cached();
    }
}
