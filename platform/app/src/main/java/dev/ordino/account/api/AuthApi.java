package dev.ordino.account.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ordino.account.AccountService;
import dev.ordino.account.AccountSummary;
import dev.ordino.account.AccountTokens;
import dev.ordino.account.Registration;
import dev.ordino.account.RegistrationException;
import dev.ordino.base.DomainException;
import dev.ordino.base.api.ApiProblems;
import dev.ordino.security.ApiTokens;
import dev.ordino.security.SignInLimits;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/auth")
@Tag(name = "Accounts")
class AuthApi {

    private final AccountService accounts;
    private final ApiTokens tokens;
    private final SignInLimits limits;
    private final AccountTokens accountTokens;

    AuthApi(AccountService accounts, ApiTokens tokens, SignInLimits limits, AccountTokens accountTokens) {
        this.accountTokens = accountTokens;
        this.accounts = accounts;
        this.tokens = tokens;
        this.limits = limits;
    }

    record RegisterRequest(String email, String password, String name) {
    }

    record AccountResponse(long id, String email, String name) {
    }

    record TokenRequest(String email, String password) {
    }

    record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
                         @JsonProperty("expires_in") long expiresIn) {
    }

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    AccountResponse register(@RequestBody RegisterRequest request) {
        try {
            AccountSummary account = accounts.register(new Registration(request.email(), request.name(), request.password()));
            return new AccountResponse(account.id(), account.email(), account.displayName());
        } catch (RegistrationException e) {
            String field = e.reason().field().equals("displayName") ? "name" : e.reason().field();
            throw switch (e.reason()) {
                case EMAIL_TAKEN -> new DomainException(409, "email_taken", field, "An account with this e-mail already exists");
                case WEAK_PASSWORD -> DomainException.badRequest("weak_password", field,
                        "Use a password of at least " + AccountService.MIN_PASSWORD_LENGTH + " characters");
                case PASSWORD_TOO_LONG -> DomainException.badRequest("weak_password", field, "This password is too long");
                case EMAIL_INVALID -> DomainException.badRequest("invalid_email", field, "Enter a valid e-mail address");
                case NAME_REQUIRED -> DomainException.badRequest("name_required", field, "Enter a name");
                case NAME_TOO_LONG -> DomainException.badRequest("name_too_long", field, "Use at most 100 characters for the name");
            };
        }
    }

    @PostMapping("/token")
    TokenResponse token(@RequestBody TokenRequest request) {
        AccountSummary account = limits.check(request.email(), () -> accounts.authenticate(request.email(), request.password()))
                .orElseThrow(() -> new DomainException(401, "unauthorized", null, "Wrong e-mail or password"));
        return new TokenResponse(tokens.issue(account.id(), account.email(), account.roles(), account.securityVersion()),
                "Bearer", ApiTokens.LIFETIME.toSeconds());
    }

    record ResetRequest(String email) {
    }

    record ResetConfirmation(String token, String password) {
    }

    record TokenOnly(String token) {
    }

    /** Mails a reset link if an account has this address; the same answer either way. */
    @PostMapping("/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void passwordReset(@RequestBody ResetRequest request) {
        accountTokens.requestReset(request.email());
    }

    @PostMapping("/password-reset/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void confirmReset(@RequestBody ResetConfirmation request) {
        accountTokens.confirmReset(request.token(), request.password());
    }

    @PostMapping("/verify-email")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void verifyEmail(@RequestBody TokenOnly request) {
        accountTokens.verify(request.token());
    }

    /** The same answer whether or not an account has this e-mail. */
    @ExceptionHandler(SignInLimits.SignInLocked.class)
    ResponseEntity<ProblemDetail> locked(SignInLimits.SignInLocked locked) {
        ResponseEntity<ProblemDetail> problem = ApiProblems.problem(429, "too_many_requests",
                "Too many failed sign-ins for this e-mail; try again in " + locked.retryAfter().toSeconds() + " s", null);
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .header("Retry-After", Long.toString(locked.retryAfter().toSeconds())).body(problem.getBody());
    }
}
