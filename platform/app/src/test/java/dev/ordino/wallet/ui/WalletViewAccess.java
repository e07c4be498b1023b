package dev.ordino.wallet.ui;

/** Lets tests in other packages ask the wallet page where a ledger entry links. */
public final class WalletViewAccess {

    private WalletViewAccess() {
    }

    public static String cause(String reference) {
        return WalletView.causeOf(reference);
    }
}
