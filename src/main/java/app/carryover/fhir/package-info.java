/**
 * FHIR R4: a client's homework record exported as a Bundle, the read API for integrators, and
 * Questionnaire import (HAPI FHIR as a plain library, one shared {@code FhirContext}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "FHIR",
        allowedDependencies = {"system", "audit", "practice", "caseload", "goals", "sessions", "measures", "homework", "worksheets"})
package app.carryover.fhir;
