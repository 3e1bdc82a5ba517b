package cn.shencha.notify;

import cn.shencha.support.ShenchaSpringTest;

@ShenchaSpringTest
class OutboxDispatcherH2Tests extends OutboxDispatcherTests {
}
