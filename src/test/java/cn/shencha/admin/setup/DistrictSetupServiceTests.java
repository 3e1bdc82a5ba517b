package cn.shencha.admin.setup;

import cn.shencha.support.ShenchaSpringTest;

@ShenchaSpringTest
class DistrictSetupServiceTests extends DistrictSetupContract {
}
