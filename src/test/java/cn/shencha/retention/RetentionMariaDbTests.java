package cn.shencha.retention;

import cn.shencha.support.MariaDbTest;

@MariaDbTest
class RetentionMariaDbTests extends RetentionContract {
}
