package cn.shencha.notify;

import cn.shencha.base.i18n.Messages;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotifyProperties.class)
class NotifyConfig {

    @Bean
    OutboxDispatcher outboxDispatcher(NotificationDeliveryRepository deliveries, NotificationRepository notifications,
                                      List<ChannelSender> senders, NotifyProperties properties, Messages text,
                                      Clock clock) {
        String nodeId = properties.getDispatcher().getNodeId();
        return new OutboxDispatcher(deliveries, notifications, senders, properties.getDispatcher(), text, clock,
                nodeId == null || nodeId.isBlank() ? defaultNodeId() : nodeId);
    }

    /** Host name and process id: tells two app nodes (and two processes on one host) apart in claims. */
    static String defaultNodeId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "node";
        }
        String id = host + ":" + ManagementFactory.getRuntimeMXBean().getPid();
        return id.length() > 60 ? id.substring(0, 60) : id;
    }
}
