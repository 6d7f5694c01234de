package app.carryover.system;

import java.util.UUID;

/**
 * Records a request refused at its handler's role gate (implemented by the audit module, which
 * this module cannot depend on).
 *
 * @param clientId the client named in the request's path, when there is one
 */
public interface RefusalRecorder {
    void refused(Actor actor, UUID clientId, String request, String why);
}
