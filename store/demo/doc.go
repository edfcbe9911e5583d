// Package demo owns the emulated tenant's starting state: the contoso.onmicrosoft.com demo
// tenant (every recipient the documented snippets expect to exist, plus a realistic
// population), the empty tenant (the admin account and the discovery mailbox only), the
// Exchange Online defaults a new mailbox gets, and the tenant's virtual clock.
//
// Everything it builds is deterministic: identifiers are derived from names, never drawn
// at random, and times come from the caller's clock.
//
// The package imports only the standard library and store. It must not import the
// shell, the cmdlets or a storage engine.
package demo
