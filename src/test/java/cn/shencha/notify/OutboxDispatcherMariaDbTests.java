package cn.shencha.notify;

import cn.shencha.support.MariaDbTest;

@MariaDbTest
class OutboxDispatcherMariaDbTests extends OutboxDispatcherTests {
}
