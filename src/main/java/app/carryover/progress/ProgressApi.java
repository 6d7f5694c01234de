package app.carryover.progress;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.carryover.audit.AuditAction;
import app.carryover.audit.AuditEntry;
import app.carryover.audit.AuditTrail;
import app.carryover.caseload.Caseload;
import app.carryover.caseload.ClientAccess;
import app.carryover.caseload.ClientRecord;
import app.carryover.measures.Change;
import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;

/**
 * Progress over the JSON API: a client's scores with their change by the published criteria and
 * their weekly practice beside the following week's change (for the care team, and the client's own
 * without the clinician's ratings), and adherence against outcome over a caseload or the practice.
 */
@RestController
class ProgressApi {

    /** One instrument's scores and change; {@code loincTotal} is null where Carryover holds no code. */
    record SeriesView(String instrument, String name, String loincTotal, Integer maxTotal, List<ClientProgress.ScorePoint> scores,
            Change change, String changeWords) {
    }

    record ProgressView(UUID clientId, List<SeriesView> series, String primaryInstrument, List<ClientProgress.Week> weeks) {

        static ProgressView of(ClientProgress.View v) {
            return new ProgressView(v.client().id(), v.series().stream().map(s -> new SeriesView(s.instrument().key(),
                    s.instrument().name(), s.instrument().measure() == null ? null : s.instrument().measure().loincTotal(),
                    s.instrument().maxTotal(), s.points(), s.change(), s.changeWords())).toList(),
                    v.primary() == null ? null : v.primary().instrument().key(), v.weeks());
        }
    }

    /** Spearman's r with its 95% bootstrap interval (null figures when n is too small). */
    record Correlation(int n, Double r, Double low, Double high, String words) {

        static Correlation of(Spearman s) {
            return new Correlation(s.n(), s.rho(), s.low(), s.high(), s.words());
        }
    }

    record AssociationView(String instrument, LocalDate from, LocalDate to, String category, int clients,
            Correlation quantity, Correlation quality, double referenceR, String reference, String caution,
            List<RowView> rows) {
    }

    /** A row without the record id: pseudonyms only over the API. */
    record RowView(String client, int scores, Integer firstScore, Integer lastScore, Integer improvement,
            Double quantity, Double quality) {
    }

    static final String CAUTION = "A correlation across clients: it does not show that practice caused the change.";

    private final ClientProgress progress;
    private final OutcomeAssociation association;
    private final ClientAccess access;
    private final Caseload caseload;
    private final AuditTrail audit;

    ProgressApi(ClientProgress progress, OutcomeAssociation association, ClientAccess access, Caseload caseload,
            AuditTrail audit) {
        this.progress = progress;
        this.association = association;
        this.access = access;
        this.caseload = caseload;
        this.audit = audit;
    }

    @Access(AccessRule.CARE_TEAM_READ)
    @GetMapping("/api/v1/clients/{clientId}/progress")
    ProgressView client(Actor actor, @PathVariable UUID clientId) {
        ClientRecord client = access.readClinical(actor, clientId, "progress");
        return ProgressView.of(progress.of(client, false));
    }

    @Access(AccessRule.CLIENT_SELF)
    @GetMapping("/api/v1/me/progress")
    ProgressView mine(Actor actor) {
        ClientRecord client = access.read(actor, actor.clientId(), "my progress");
        return ProgressView.of(progress.of(client, true));
    }

    @Access(AccessRule.CLINICIAN)
    @GetMapping("/api/v1/caseload/association")
    AssociationView caseload(Actor actor, @RequestParam(defaultValue = "PHQ9") String instrument,
            @RequestParam(defaultValue = "26") String weeks, @RequestParam(defaultValue = "") String category) {
        return view(actor, caseload.mine(actor), "caseload", instrument, weeks, category);
    }

    @Access(AccessRule.ADMIN)
    @GetMapping("/api/v1/practice/association")
    AssociationView practice(Actor actor, @RequestParam(defaultValue = "PHQ9") String instrument,
            @RequestParam(defaultValue = "26") String weeks, @RequestParam(defaultValue = "") String category) {
        return view(actor, caseload.everyone(actor), "practice", instrument, weeks, category);
    }

    private AssociationView view(Actor actor, List<ClientRecord> group, String scope, String instrument, String weeks,
            String category) {
        OutcomeAssociation.Result r = association.over(actor.practiceId(), group,
                ProgressPages.filter(instrument, weeks, category));
        audit.record(AuditEntry.by(actor, null, AuditAction.READ, "adherence against outcome (" + scope + ", API)", null,
                r.clients() + " clients, " + r.rows().size() + " with data"));
        return new AssociationView(r.instrument().key(), r.from(), r.to(), r.filter().category(), r.clients(),
                Correlation.of(r.quantity()), Correlation.of(r.quality()), OutcomeAssociation.REFERENCE_R,
                OutcomeAssociation.REFERENCE, CAUTION, r.rows().stream().map(row -> new RowView(row.pseudonym(), row.scores(),
                        row.firstScore(), row.lastScore(), row.improvement(), row.quantity(), row.quality())).toList());
    }
}
