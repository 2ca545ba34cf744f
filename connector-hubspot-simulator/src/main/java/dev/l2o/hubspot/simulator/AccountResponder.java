package dev.l2o.hubspot.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code GET /account-info/v3/details}: the portal id and account settings, readable with any token. Thread-safe. */
final class AccountResponder {
    private final PortalDescription portal;
    private final PortalReplies replies;

    AccountResponder(PortalDescription portal, PortalReplies replies) {
        this.portal = portal;
        this.replies = replies;
    }

    PortalReply details(RouteTable.Request request) {
        ObjectNode details = replies.object();
        details.put("portalId", portal.portalId()).put("accountType", "STANDARD").put("timeZone", "Europe/London")
                .put("companyCurrency", "EUR").putArray("additionalCurrencies");
        details.put("utcOffset", "+00:00").put("utcOffsetMilliseconds", 0).put("uiDomain", "app-eu1.hubspot.com")
                .put("dataHostingLocation", "eu1");
        return replies.ok(details);
    }
}
