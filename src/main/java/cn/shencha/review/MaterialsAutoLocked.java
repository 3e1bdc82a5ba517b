package cn.shencha.review;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The upload deadline passed without a submission: these candidates' materials are locked as they are. One event for
 * all the cases a transaction locked (a batch of the deadline night, see AutoLockBatch), published in that
 * transaction (Spring Modulith's event publication registry stores it there); the notify module tells each candidate.
 * {@code id} identifies the event, so that a listener run again after a failure or a crash tells each candidate once
 * ({@link #idFor}).
 */
public record MaterialsAutoLocked(UUID id, List<LockedCase> cases) {

    /** One candidate of the event. */
    public record LockedCase(Long candidateId, String candidateName) {

        public LockedCase {
            if (candidateId == null) {
                throw new IllegalArgumentException("candidateId is required");
            }
        }
    }

    public MaterialsAutoLocked {
        if (id == null || cases == null || cases.isEmpty()) {
            throw new IllegalArgumentException("id and at least one case are required");
        }
        cases = List.copyOf(cases);
    }

    static MaterialsAutoLocked of(List<LockedCase> cases) {
        return new MaterialsAutoLocked(UUID.randomUUID(), cases);
    }

    /**
     * Reads a stored publication (EVENT_PUBLICATION) of either form: this one, or the one-candidate form written before
     * the deadline night came in batches ({@code id, candidateId, candidateName}), which a registry may still hold
     * for a retry when the new version starts.
     */
    @JsonCreator
    static MaterialsAutoLocked fromJson(@JsonProperty("id") UUID id, @JsonProperty("cases") List<LockedCase> cases,
                                        @JsonProperty("candidateId") Long candidateId,
                                        @JsonProperty("candidateName") String candidateName) {
        return new MaterialsAutoLocked(id, cases != null ? cases : List.of(new LockedCase(candidateId, candidateName)));
    }

    /**
     * The id of this event for one of its candidates, the same each time the event is handled: the event's own id when
     * it names one candidate (as every event of the one-candidate form did, so a retried old publication keeps the key
     * its first attempt used), else derived from it.
     */
    public UUID idFor(Long candidateId) {
        if (cases.size() == 1) {
            return id;
        }
        return UUID.nameUUIDFromBytes((id + "/" + candidateId).getBytes(StandardCharsets.UTF_8));
    }
}
