package cn.shencha.admin;

import cn.shencha.support.ShenchaSpringTest;

@ShenchaSpringTest
class CandidateImportServiceTests extends CandidateImportContract {
}
