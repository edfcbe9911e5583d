// Package mailflow moves messages through the emulated tenant: it decides each
// recipient's fate as Exchange Online routing would (delivery to a mailbox, expansion of
// a distribution group, forwarding, sending out, rejection, filtering, deferral) and
// records what happened as message trace rows and detail events in the store.
//
// Three ways feed it: Send-MailMessage and Send-SimMessage in the shell, the SMTP
// listener (Serve), and the deterministic traffic generator (Traffic) used by
// Start-SimMailFlow and the demo tenant's history.
//
// The package knows no shell: it works on store interfaces and plain values, so the
// listener can run without a session.
package mailflow
