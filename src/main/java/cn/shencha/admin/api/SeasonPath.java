package cn.shencha.admin.api;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@code {season}} of {@code /api/v1/admin/seasons/{season}/…}: four digits (the exam year). The same operation
 * without the segment is about the current season.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Parameter(name = "season", in = ParameterIn.PATH, required = false, example = "2026",
        description = "考试年度（四位年份）；路径中没有 seasons/{season} 时为当前年度。The exam season (four digits); "
                + "the current season where the path has no seasons/{season}. 400 SEASON_CODE_INVALID, 404 SEASON_NOT_FOUND.")
@interface SeasonPath {
}
