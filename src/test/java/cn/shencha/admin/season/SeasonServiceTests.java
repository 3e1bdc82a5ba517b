package cn.shencha.admin.season;

import cn.shencha.support.ShenchaSpringTest;

@ShenchaSpringTest
class SeasonServiceTests extends SeasonContract {
}
