package app.carryover.worksheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Validation never accepts an invalid answer nor rejects a valid one: definitions and answers are
 * generated, valid answers are checked to pass, and then broken in known ways that must fail with
 * the right path and reason.
 */
class AnswerPropertyTests {

    @Provide
    Arbitrary<List<Integer>> choices() {
        return Arbitraries.integers().between(0, 9_999).list().ofMinSize(300).ofMaxSize(600);
    }

    @Property(tries = 400)
    void validAnswersAreAcceptedCompleteAndAsDraft(@ForAll("choices") List<Integer> shape,
            @ForAll("choices") List<Integer> content) {
        WorksheetDefinition d = GeneratedDefinitions.generate(new Choices(shape));
        Answers answers = Answers.of(GeneratedAnswers.generate(d, new Choices(content)));
        d.allItems().forEach(i -> Statistics.label("item types").collect(i.type()));
        Statistics.label("conditions").collect(d.allItems().stream().anyMatch(i -> !i.showIf().isEmpty()));
        assertThat(AnswerValidation.complete(d, answers).errors()).as("%s%n%s", json(d), answers).isEmpty();
        assertThat(AnswerValidation.draft(d, answers).errors()).isEmpty();
    }

    @Property(tries = 400)
    void hiddenItemsMayBeLeftOutEvenWhenRequired(@ForAll("choices") List<Integer> shape,
            @ForAll("choices") List<Integer> content) {
        WorksheetDefinition d = GeneratedDefinitions.generate(new Choices(shape));
        Map<String, Object> answers = GeneratedAnswers.generate(d, new Choices(content));
        Set<String> hidden = VisibilityOracle.hidden(d, answers);
        Visibility visibility = Visibility.of(d, Answers.of(answers));
        assertThat(visibility.hiddenPaths()).as("visibility agrees with the oracle").isEqualTo(hidden);
        Map<String, Object> withoutHidden = AnswerMutations.deepCopy(answers);
        hidden.stream().filter(p -> !p.contains("[")).forEach(withoutHidden::remove);
        AnswerCheck check = AnswerValidation.complete(d, Answers.of(withoutHidden));
        assertThat(check.errors()).as("%s%n%s", json(d), withoutHidden).isEmpty();
    }

    @Property(tries = 300)
    void acceptedAnswersAreAFixedPointOfValidation(@ForAll("choices") List<Integer> shape,
            @ForAll("choices") List<Integer> content) {
        WorksheetDefinition d = GeneratedDefinitions.generate(new Choices(shape));
        Answers accepted = AnswerValidation.complete(d, Answers.of(GeneratedAnswers.generate(d, new Choices(content))))
                .accepted();
        AnswerCheck again = AnswerValidation.complete(d, Answers.parse(accepted.toJson()));
        assertThat(again.accepted()).isEqualTo(accepted);
        assertThat(ValueExtraction.extract(d, accepted)).isEqualTo(ValueExtraction.extract(d, again.accepted()));
    }

    @Property(tries = 300)
    void aDraftMayLeaveOutAnyTopLevelItem(@ForAll("choices") List<Integer> shape,
            @ForAll("choices") List<Integer> content) {
        WorksheetDefinition d = GeneratedDefinitions.generate(new Choices(shape));
        Choices c = new Choices(content);
        Map<String, Object> answers = GeneratedAnswers.generate(d, c);
        answers.keySet().removeIf(k -> c.chance(50));
        assertThat(AnswerValidation.draft(d, Answers.of(answers)).errors()).isEmpty();
    }

    @Property(tries = 1000)
    void everyKnownBreakageIsRejectedAtItsPath(@ForAll("choices") List<Integer> shape,
            @ForAll("choices") List<Integer> content) {
        WorksheetDefinition d = GeneratedDefinitions.generate(new Choices(shape));
        Choices c = new Choices(content);
        GeneratedAnswers generator = new GeneratedAnswers(c);
        Map<String, Object> valid = GeneratedAnswers.generate(d, c);
        List<AnswerMutations.Mutation> mutations = AnswerMutations.all(d, valid, generator);
        AnswerMutations.Mutation m = c.pick(mutations);
        Statistics.label("mutation").collect(m.name());
        Answers broken = Answers.of(m.answers());
        AnswerCheck complete = AnswerValidation.complete(d, broken);
        assertThat(complete.errors()).as("%s%n%s%n%s", m, json(d), broken)
                .anySatisfy(e -> {
                    assertThat(e.path()).isEqualTo(m.path());
                    assertThat(m.reasons()).contains(e.reason());
                    assertThat(e.message()).isNotBlank();
                });
        AnswerCheck draft = AnswerValidation.draft(d, broken);
        if (m.draftToo()) {
            assertThat(draft.errors()).as("%s", m).anySatisfy(e -> assertThat(e.path()).isEqualTo(m.path()));
        } else {
            assertThat(draft.errors()).as("a draft may leave it out: %s", m).isEmpty();
        }
    }

    @Property(tries = 200)
    void aValueIsItsFormulaOverTheShownAnswers(@ForAll("choices") List<Integer> shape,
            @ForAll("choices") List<Integer> content) {
        WorksheetDefinition d = GeneratedDefinitions.generate(new Choices(shape));
        Map<String, Object> answers = GeneratedAnswers.generate(d, new Choices(content));
        Answers accepted = AnswerValidation.complete(d, Answers.of(answers)).accepted();
        Set<String> hidden = VisibilityOracle.hidden(d, answers);
        Map<String, BigDecimal> extracted = new java.util.HashMap<>();
        ValueExtraction.extract(d, accepted).forEach(v -> extracted.put(v.key(), v.value()));
        for (ValueDefinition value : d.values()) {
            String item = value.key().substring(2);
            Object answer = hidden.contains(item) ? null : answers.get(item);
            if (value.formula().equals(item) && d.item(item).orElseThrow().type().isNumeric()) {
                assertThat(extracted.get(value.key())).as(value.formula())
                        .isEqualTo(answer == null ? null : Item.normal((BigDecimal) answer));
            }
            if (value.formula().equals("count(" + item + ")") && d.item(item).orElseThrow().type().isMultiSelect()) {
                assertThat(extracted.get(value.key())).as(value.formula())
                        .isEqualTo(BigDecimal.valueOf(answer == null ? 0 : ((List<?>) answer).size()));
            }
        }
    }

    static String json(WorksheetDefinition d) {
        return WorksheetDefinitions.toJson(d);
    }
}
