package cn.shencha.admin;

import cn.shencha.support.MariaDbTest;

@MariaDbTest
class DashboardServiceMariaDbTests extends DashboardContract {
}
