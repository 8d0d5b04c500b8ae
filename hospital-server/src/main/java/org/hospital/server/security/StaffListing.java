package org.hospital.server.security;

import java.time.Instant;
import java.util.Optional;

/** An account as administrators see it: the account, when it last signed in, how many sessions are open. */
record StaffListing(StaffAccount account, Optional<Instant> lastSignIn, int openSessions) {}
