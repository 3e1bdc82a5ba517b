package cn.shencha.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The deadline batch size is checked at start-up: a batch of no cases would never tell anyone. */
class ReviewEnginePluginTests {

    @Test
    void aDeadlineBatchSizeBelowOneStopsTheStartWithTheSettingsName() {
        assertThatThrownBy(() -> new ReviewEnginePlugin(true, true, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DEADLINE_BATCH_SIZE");
        assertThat(new ReviewEnginePlugin(true, true, 1).deadlineBatchSize()).isEqualTo(1);
    }
}
