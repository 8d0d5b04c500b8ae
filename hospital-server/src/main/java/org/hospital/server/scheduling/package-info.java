/**
 * Scheduling, wired: the module and its one gRPC service, request validation shared by the RPC adapters, and
 * the seed the demo data writes through. The work is in the sub-packages, each named after what it does.
 */
package org.hospital.server.scheduling;
