import { SmtpSink } from '../support/smtp-sink';
import { expect, test } from './fixtures';

test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true });

let sink: SmtpSink;
test.beforeEach(async () => {
  sink = await new SmtpSink().start();
});
test.afterEach(async () => {
  await sink.stop();
});

test('an administrator sets the mail server, the test e-mail says why it was refused, then goes', async ({
  page,
  station,
}) => {
  await page.goto(station.url);
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Settings' }).click();
  const section = page.getByRole('region', { name: 'E-mailed receipts' });
  await expect(section.getByText('No mail server is set up: receipts wait until one is.')).toBeVisible();

  await section.getByLabel('Mail server (SMTP)').fill('127.0.0.1');
  await section.getByLabel('Port', { exact: true }).fill(String(sink.port));
  await section.getByLabel('Connection security').selectOption('none');
  await section.getByLabel('User name').fill(sink.user);
  await section.getByLabel('Password', { exact: true }).fill('not-the-password');
  await section.getByLabel('Sender address (From)').fill('kassa@cafe.test');
  await section.getByLabel('Contact e-mail address').fill('help@cafe.test');
  await section.getByLabel('Send it to').fill('owner@cafe.test');
  await section.getByRole('button', { name: 'Send a test e-mail' }).tap();
  await expect(section.getByRole('alert')).toContainText(
    'The mail server refused the user name or password.',
  );

  await section.getByLabel('Password', { exact: true }).fill(sink.password);
  await section.getByRole('button', { name: 'Send a test e-mail' }).tap();
  await expect(section.getByRole('status')).toHaveText(
    'The mail server took the test e-mail for owner@cafe.test.',
  );
  const [mail] = await sink.waitFor(1);
  expect(mail!.to).toEqual(['owner@cafe.test']);

  await section.getByRole('button', { name: 'Save e-mail settings' }).tap();
  await expect(section.getByText('A password is stored. Leave empty to keep it.')).toBeVisible();
  await expect(section.getByLabel('Password', { exact: true })).toHaveValue('');
  await expect(section.getByText('No mail server is set up')).toHaveCount(0);
  // Nothing of the section is wider than the 1024 px window.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
});
