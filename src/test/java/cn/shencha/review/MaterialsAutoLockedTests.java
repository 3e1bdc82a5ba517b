package cn.shencha.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The event as the publication registry stores it (JSON, EVENT_PUBLICATION): a batch reads back as written, and a
 * publication of the one-candidate form written before the batches still reads, with the notification key its
 * first attempt used.
 */
class MaterialsAutoLockedTests {

    final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    @Test
    void aBatchReadsBackAsWrittenAndKeysEachCandidateApart() throws Exception {
        MaterialsAutoLocked batch = MaterialsAutoLocked.of(List.of(
                new MaterialsAutoLocked.LockedCase(1L, "甲"), new MaterialsAutoLocked.LockedCase(2L, "乙")));

        MaterialsAutoLocked read = json.readValue(json.writeValueAsString(batch), MaterialsAutoLocked.class);

        assertThat(read).isEqualTo(batch);
        assertThat(read.idFor(1L)).isEqualTo(batch.idFor(1L)).isNotEqualTo(read.idFor(2L)).isNotEqualTo(batch.id());
    }

    @Test
    void aStoredPublicationOfTheOneCandidateFormStillReadsWithItsOwnKey() throws Exception {
        UUID id = UUID.randomUUID();

        MaterialsAutoLocked read = json.readValue(
                "{\"id\":\"" + id + "\",\"candidateId\":7,\"candidateName\":\"丙\"}", MaterialsAutoLocked.class);

        assertThat(read.cases()).containsExactly(new MaterialsAutoLocked.LockedCase(7L, "丙"));
        assertThat(read.idFor(7L)).isEqualTo(id);
    }

    @Test
    void anEventNamesAtLeastOneCandidate() {
        assertThatThrownBy(() -> MaterialsAutoLocked.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
