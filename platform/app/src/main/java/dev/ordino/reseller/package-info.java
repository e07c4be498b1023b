/**
 * The SMM panel API v2 ({@code /api/v2}) that lets other panels, bots and scripts resell the shop's
 * catalog: API keys, rate limits, the call log, per-customer price tiers and mass orders.
 */
package dev.ordino.reseller;
