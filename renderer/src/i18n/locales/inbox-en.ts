/** The inbox: the station's own messages (English, the reference). */
export const inboxEn = {
  inbox: {
    title: 'Inbox',
    linkLabel: 'Inbox, unread: {{count}}',
    empty: 'Nothing needs you now.',
    markRead: 'Mark as read',
    markAllRead: 'Mark all as read',
    open: 'Go to {{screen}}',
    state: { unread: 'New', read: 'Read' },
    kinds: {
      callbacks_refused:
        'Callbacks refused for profile {{name}}: {{count}} ({{reason}}). Someone may be sending forged payment messages, or the public URL or profile is set up wrong.',
      refund_waiting_iban:
        'The refund of {{amount}} on sale {{name}} waits for the payer’s IBAN: Bancontact cannot pay it back itself. Pay it by bank transfer.',
      refund_failed: 'The refund of {{amount}} on sale {{name}} failed ({{reason}}). Refund it another way.',
      wristband_refund_waiting:
        'The balance of wristband {{name}}, {{amount}}, cannot be refunded yet: Bancontact has not given the payer’s IBAN.',
      topup_attention:
        'A top-up of {{amount}} could not be credited by itself ({{reason}}). Credit it to a wristband by hand.',
      day_without_z: '{{day}} has no Z yet: {{count}} payments, {{amount}}. Close that day.',
      printer_offline:
        'Printer {{name}} is offline; receipts waiting: {{count}}. Check its power, paper and network.',
      backup_failed:
        'The last backup to {{name}} failed: {{reason}}. Choose a folder that can be written, then back up now.',
      receipt_mail_failed:
        'The e-mailed receipt of a recurring payment of {{amount}} ({{name}}) could not be sent after {{count}} attempts ({{reason}}). Check the e-mail settings.',
      receipt_mail_no_email:
        'The receipt of a recurring payment of {{amount}} ({{name}}) cannot be e-mailed: the agreement has no e-mail address. Give the customer the receipt another way.',
      receipt_mail_not_configured:
        'The receipt of a recurring payment of {{amount}} ({{name}}) waits: no mail server is set up. Set one up under Settings → E-mailed receipts.',
      device_unseen:
        'The linked device {{name}} has not been seen for {{days}} days. Revoke it if it is lost; it is logged out by itself after 30 days.',
    },
  },
};
