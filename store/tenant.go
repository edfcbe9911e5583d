package store

import (
	"fmt"
	"time"
	"unicode"
)

// Tenant holds the settings of the emulated tenant itself.
type Tenant struct {
	Name            string           `json:"Name"`          // "contoso"
	DisplayName     string           `json:"DisplayName"`   // "Contoso"
	InitialDomain   string           `json:"InitialDomain"` // "contoso.onmicrosoft.com"
	AcceptedDomains []AcceptedDomain `json:"AcceptedDomains,omitempty"`
	// Server is the directory server echoed in not-found errors
	// ("DB6PR06A001DC06.EURPR06A001.prod.outlook.com").
	Server string `json:"Server,omitempty"`
	// Clock is the tenant's virtual clock setting.
	Clock ClockSetting `json:"Clock"`
	// AuditDefaults names the version of the mailbox audit defaults new mailboxes get
	// ("2011"; empty for Exchange Online's current ones), an emulator setting.
	AuditDefaults string `json:"AuditDefaults,omitempty"`
	// HistoryPending marks a demo tenant whose mail history (the days of traffic it ships
	// with) is still to be generated: that needs the session clock, which the seeding of
	// recipients does not have, so the first Exchange cmdlet of a session generates it.
	HistoryPending bool `json:"HistoryPending,omitempty"`
}

// AcceptedDomain is one accepted domain of the tenant.
type AcceptedDomain struct {
	Name       string `json:"Name"`
	DomainName string `json:"DomainName"`
	DomainType string `json:"DomainType"` // Authoritative, InternalRelay, ExternalRelay
	Default    bool   `json:"Default,omitempty"`
	Initial    bool   `json:"Initial,omitempty"`
}

// ClockMode says how the tenant's clock relates to the real clock.
type ClockMode string

// Clock modes.
const (
	ClockReal   ClockMode = "Real"   // the real time (the zero setting)
	ClockPinned ClockMode = "Pinned" // always Pinned
	ClockOffset ClockMode = "Offset" // the real time plus Offset
)

// ClockSetting is the persisted virtual clock of a tenant. It is a setting, not a time:
// the session combines it with the real clock on every read.
type ClockSetting struct {
	Mode   ClockMode     `json:"Mode,omitempty"`
	Pinned time.Time     `json:"Pinned,omitzero"`
	Offset time.Duration `json:"Offset,omitempty"`
}

// Now returns the tenant time for the given real time, in UTC.
func (c ClockSetting) Now(real time.Time) time.Time {
	switch c.Mode {
	case ClockPinned:
		return c.Pinned.UTC()
	case ClockOffset:
		return real.Add(c.Offset).UTC()
	}
	return real.UTC()
}

// Validate rejects settings the clock cannot use.
func (c ClockSetting) Validate() error {
	switch c.Mode {
	case "", ClockReal, ClockOffset:
		return nil
	case ClockPinned:
		if c.Pinned.IsZero() {
			return fmt.Errorf("pinned clock without a time: %w", ErrInvalid)
		}
		return nil
	}
	return fmt.Errorf("clock mode %q: %w", c.Mode, ErrInvalid)
}

// OrganizationConfig is the tenant-wide Exchange configuration (Get-OrganizationConfig).
// New fields may be added freely: records are JSON and missing fields read as zero.
type OrganizationConfig struct {
	Name                        string `json:"Name"`
	DisplayName                 string `json:"DisplayName,omitempty"`
	Guid                        ID     `json:"Guid,omitzero"`
	AuditDisabled               bool   `json:"AuditDisabled"`
	IsDehydrated                bool   `json:"IsDehydrated,omitempty"`
	CustomerLockboxEnabled      bool   `json:"CustomerLockboxEnabled,omitempty"`
	OAuth2ClientProfileEnabled  bool   `json:"OAuth2ClientProfileEnabled,omitempty"`
	MailTipsAllTipsEnabled      bool   `json:"MailTipsAllTipsEnabled,omitempty"`
	MailTipsExternalRecipients  bool   `json:"MailTipsExternalRecipientsTipsEnabled,omitempty"`
	SendFromAliasEnabled        bool   `json:"SendFromAliasEnabled,omitempty"`
	AutoExpandingArchiveEnabled bool   `json:"AutoExpandingArchiveEnabled,omitempty"`
	DefaultAuthenticationPolicy string `json:"DefaultAuthenticationPolicy,omitempty"`
	// Extra holds further organization settings a cmdlet stores by name.
	Extra map[string]string `json:"Extra,omitempty"`
}

// SnapshotInfo describes one saved snapshot of the tenant.
type SnapshotInfo struct {
	Name       string    `json:"Name"`
	Created    time.Time `json:"Created"`
	Size       int64     `json:"Size"`       // bytes of the snapshot
	Recipients int       `json:"Recipients"` // recipients in the snapshot
}

// CheckSnapshotName rejects snapshot names that are empty, too long, or contain anything
// but letters, digits, '-', '_', '.' and spaces (names become file names).
func CheckSnapshotName(name string) error {
	if name == "" || len(name) > 100 || name[0] == '.' || name[0] == ' ' || name[len(name)-1] == ' ' {
		return fmt.Errorf("snapshot name %q: %w", name, ErrInvalid)
	}
	for _, r := range name {
		ok := r == '-' || r == '_' || r == '.' || r == ' ' || unicode.IsLetter(r) || unicode.IsDigit(r)
		if !ok {
			return fmt.Errorf("snapshot name %q: %q is not allowed: %w", name, r, ErrInvalid)
		}
	}
	return nil
}
