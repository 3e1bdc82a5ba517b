package cn.shencha.admin;

import cn.shencha.support.ShenchaSpringTest;

@ShenchaSpringTest
class ScheduleAdminServiceTests extends ScheduleAdminContract {
}
