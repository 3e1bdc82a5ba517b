package cn.shencha.admin.setup;

import cn.shencha.support.MariaDbTest;

@MariaDbTest
class DistrictSetupServiceMariaDbTests extends DistrictSetupContract {
}
