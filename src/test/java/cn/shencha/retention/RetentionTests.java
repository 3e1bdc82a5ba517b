package cn.shencha.retention;

import cn.shencha.support.ShenchaSpringTest;

@ShenchaSpringTest
class RetentionTests extends RetentionContract {
}
