package cn.shencha.admin;

import cn.shencha.support.MariaDbTest;

@MariaDbTest
class CandidateImportServiceMariaDbTests extends CandidateImportContract {
}
