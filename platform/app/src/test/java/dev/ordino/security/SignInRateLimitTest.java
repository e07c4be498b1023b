package dev.ordino.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class SignInRateLimitTest {

    private final SignInRateLimit limit = new SignInRateLimit(3);

    private MockHttpServletResponse post(String path, String address) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        limit.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void aFourthTokenRequestWithinAMinuteFromOneAddressIsRefusedWithAProblem() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(post("/v1/auth/token", "203.0.113.7").getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse refused = post("/v1/auth/token", "203.0.113.7");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isNotBlank();
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"code\":\"too_many_requests\"");

        assertThat(post("/v1/auth/token", "198.51.100.9").getStatus()).as("another address is not affected").isEqualTo(200);
        assertThat(post("/login", "203.0.113.7").getStatus()).as("the sign-in form shares the budget").isEqualTo(429);
    }

    @Test
    void otherRequestsAreNeverLimited() throws Exception {
        for (int i = 0; i < 10; i++) {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/orders");
            request.setRemoteAddr("203.0.113.8");
            MockHttpServletResponse response = new MockHttpServletResponse();
            limit.doFilter(request, response, new MockFilterChain());
            assertThat(response.getStatus()).isEqualTo(200);
        }
    }
}
