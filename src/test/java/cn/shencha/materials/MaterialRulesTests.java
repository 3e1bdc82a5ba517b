package cn.shencha.materials;

import cn.shencha.support.ShenchaSpringTest;

/** The rules of materials on H2. */
@ShenchaSpringTest
class MaterialRulesTests extends MaterialRulesContract {
}
