package cn.shencha.admin;

import cn.shencha.support.MariaDbTest;

@MariaDbTest
class ScheduleAdminServiceMariaDbTests extends ScheduleAdminContract {
}
