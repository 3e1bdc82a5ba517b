package cn.shencha.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shencha.notify.Channel;
import cn.shencha.notify.NoticeKind;
import cn.shencha.notify.NotifyProperties;
import cn.shencha.notify.OutboundMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.client.RestClient;

/** The SMS channel in log mode (the demo) writes the message to the log, never the whole phone number. */
@ExtendWith(OutputCaptureExtension.class)
class SmsLogMaskingTests {

    @Test
    void theLogShowsAMaskedNumber(CapturedOutput output) {
        NotifyProperties properties = new NotifyProperties();
        properties.getSms().setMode(NotifyProperties.SmsMode.LOG);
        SmsChannel channel = new SmsChannel(properties, RestClient.builder());

        channel.send(new OutboundMessage("key-1", Channel.SMS, "13812345678", NoticeKind.VERDICT_PUBLISHED,
                Map.of("name", "张伟"), "title", "body", "审核结果已公布"));

        assertThat(output.getOut()).contains("SMS (log only) to 138****5678").doesNotContain("13812345678");
    }
}
