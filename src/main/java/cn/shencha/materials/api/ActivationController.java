package cn.shencha.materials.api;

import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateAccountService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** First-time activation (激活用户): no sign-in needed, the registration and ID numbers prove who it is. */
@RestController
@RequestMapping("/api/v1/activation")
@Tag(name = "Candidate API v1")
class ActivationController {

    private final CandidateAccountService accounts;

    ActivationController(CandidateAccountService accounts) {
        this.accounts = accounts;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Activate a candidate account with the registration number and ID number, choosing a password",
            responses = {
                    @ApiResponse(responseCode = "201", description = "activated; sign in with the registration number and the password"),
                    @ApiResponse(responseCode = "400", description = "ACTIVATION_MISMATCH or WEAK_PASSWORD",
                            content = @Content(mediaType = "application/problem+json", schema = @Schema(hidden = true))),
                    @ApiResponse(responseCode = "409", description = "ALREADY_ACTIVATED",
                            content = @Content(mediaType = "application/problem+json", schema = @Schema(hidden = true)))})
    ApiModels.ActivationResponse activate(@RequestBody ApiModels.ActivationRequest request) {
        Candidate candidate = accounts.activate(request.registrationNo(), request.idNumber(), request.password());
        return new ApiModels.ActivationResponse(candidate.getRegistrationNo(), ApiModels.time(candidate.getActivatedAt()));
    }
}
