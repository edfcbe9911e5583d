package shell

import (
	"context"

	"github.com/exosh/exosh/store"
)

// AccessPolicy decides which cmdlets and parameters the acting user may use. The shell
// knows nothing about how access is granted: it asks the policy whether a cmdlet is
// governed at all (a static answer, so commands that are always available never touch the
// tenant) and, for governed cmdlets, asks the grants the policy evaluated for the acting
// user.
type AccessPolicy interface {
	// Governs reports whether access to the cmdlet depends on the acting user's grants.
	// Cmdlets it does not govern are always available.
	Governs(cmdlet string) bool
	// Grants evaluates what identity (Services.Identity; "" before any
	// Connect-ExchangeOnline -UserPrincipalName) may use. The session calls it once per
	// identity and keeps the answer until the identity changes or RefreshAccess is
	// called, the way a real session keeps the command set it was given at connection.
	Grants(ctx context.Context, st store.Store, identity string) (Access, error)
}

// Access is the evaluated grant set of one acting user.
type Access interface {
	// Command reports whether the user may run the governed cmdlet.
	Command(cmdlet string) bool
	// Parameter reports whether the user may use the named parameter (its declared
	// name) of a cmdlet the user may run.
	Parameter(cmdlet, param string) bool
}

// WithAccess enforces an access policy: governed cmdlets the acting user has no grant for
// are not recognized, parameters without a grant cannot be found, and Get-Command lists
// only what may be run. Without it every command is available.
func WithAccess(p AccessPolicy) Option {
	return func(s *Session) error { s.access.policy = p; return nil }
}

// accessState caches the grants of the identity they were evaluated for.
type accessState struct {
	policy   AccessPolicy
	grants   Access
	identity string
	valid    bool
}

// RefreshAccess drops the cached grants, so the next command re-evaluates them (what
// reconnecting does in Exchange Online).
func (sv *Services) RefreshAccess() { sv.session.access.valid = false }

// currentAccess returns the grants of the acting user, evaluating them when needed.
func (s *Session) currentAccess() (Access, error) {
	a := &s.access
	if a.valid && a.identity == s.svc.Identity {
		return a.grants, nil
	}
	g, err := a.policy.Grants(s.ctx, s.st, s.svc.Identity)
	if err != nil {
		return nil, err
	}
	a.grants, a.identity, a.valid = g, s.svc.Identity, true
	return g, nil
}

// commandAllowed reports whether the acting user may run the cmdlet.
func (s *Session) commandAllowed(cmdlet string) (bool, error) {
	if s.access.policy == nil || !s.access.policy.Governs(cmdlet) {
		return true, nil
	}
	g, err := s.currentAccess()
	if err != nil {
		return false, err
	}
	return g.Command(cmdlet), nil
}

// commandVisible is commandAllowed for listings, which cannot fail: a governed cmdlet is
// hidden when the grants cannot be evaluated.
func (s *Session) commandVisible(cmdlet string) bool {
	ok, err := s.commandAllowed(cmdlet)
	return ok && err == nil
}

// paramFilter returns the test of the acting user's grants for the parameters of a
// cmdlet that commandAllowed let through, or nil when every parameter may be used.
func (s *Session) paramFilter(cmdlet string) func(param string) bool {
	if s.access.policy == nil || !s.access.policy.Governs(cmdlet) {
		return nil
	}
	g, err := s.currentAccess()
	if err != nil {
		return func(string) bool { return false }
	}
	return func(param string) bool { return g.Parameter(cmdlet, param) }
}
