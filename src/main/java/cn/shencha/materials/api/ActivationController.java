package cn.shencha.materials.api;

import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateAccountService;
import cn.shencha.base.security.ShenchaUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
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

    private static final SecurityContextRepository SESSIONS = new HttpSessionSecurityContextRepository();

    private final CandidateAccountService accounts;

    ActivationController(CandidateAccountService accounts) {
        this.accounts = accounts;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Activate a candidate account with the registration number and ID number, choosing a password",
            responses = {
                    @ApiResponse(responseCode = "201", description = "activated and signed in: the session cookie of this answer works for /api/v1/me at once; later, sign in with the registration number and the password"),
                    @ApiResponse(responseCode = "400", description = "ACTIVATION_MISMATCH or WEAK_PASSWORD",
                            content = @Content(mediaType = "application/problem+json", schema = @Schema(hidden = true))),
                    @ApiResponse(responseCode = "409", description = "ALREADY_ACTIVATED",
                            content = @Content(mediaType = "application/problem+json", schema = @Schema(hidden = true)))})
    ApiModels.ActivationResponse activate(@RequestBody ApiModels.ActivationRequest request,
                                          HttpServletRequest http, HttpServletResponse response) {
        Candidate candidate = accounts.activate(request.registrationNo(), request.idNumber(), request.password());
        signIn(candidate, http, response);
        return new ApiModels.ActivationResponse(candidate.getRegistrationNo(), ApiModels.time(candidate.getActivatedAt()));
    }

    /**
     * Activation signs the candidate in, as the activation page does: the session cookie of this answer works
     * for the candidate API at once, without checking the new password's hash a second time (the hash costs
     * more CPU than anything else in a candidate's first minutes). A new session id guards against fixation.
     */
    private static void signIn(Candidate candidate, HttpServletRequest http, HttpServletResponse response) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(ShenchaUser.candidateAuthentication(candidate.getRegistrationNo(), candidate.getId()));
        if (http.getSession(false) != null) {
            http.changeSessionId();
        }
        SESSIONS.saveContext(context, http, response);
    }
}
