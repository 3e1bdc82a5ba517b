package cn.shencha.admin.season;

import cn.shencha.support.MariaDbTest;

@MariaDbTest
class SeasonServiceMariaDbTests extends SeasonContract {
}
