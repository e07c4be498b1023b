package dev.ordino.security;

/** Whether the sign-in form offers "Forgot password": accounts answer it, as they mail the reset link. */
public interface PasswordResets {

    /** True while a reset link can be mailed. */
    boolean offered();
}
