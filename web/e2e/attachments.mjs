// Attachments: a guest attaches an image and a PDF (a refused type is refused on its chip in plain words), sends them;
// the host sees both live (the image in a box of its final size, the PDF as a chip that downloads the same bytes) and
// again after reloading offline (the thumbnail from IndexedDB); the host replies with an image (quote and picture in one
// message). The guest sets a profile picture in Settings.
import { readFileSync } from 'node:fs';
import { RUN, assert, baseUrlFromArgs, firstMessage, go, hostAndGuest, scenario, screenshotDir, waitOnline } from './lib.mjs';

const base = baseUrlFromArgs();
const hankName = `Hank Files ${RUN}`;
const aliceName = `Alice Files ${RUN}`;
const PDF = Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${RUN}\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'ascii');

/** A 1200×800 PNG drawn in the page (a real image, decoded by the server). */
async function png(page, width, height) {
  const dataUrl = await page.evaluate(
    ([w, h]) => {
      const canvas = document.createElement('canvas');
      canvas.width = w;
      canvas.height = h;
      const g = canvas.getContext('2d');
      const sky = g.createLinearGradient(0, 0, 0, h);
      sky.addColorStop(0, '#7cc4f2');
      sky.addColorStop(1, '#fbe3b4');
      g.fillStyle = sky;
      g.fillRect(0, 0, w, h);
      g.fillStyle = '#f4b942';
      g.beginPath();
      g.arc(w * 0.72, h * 0.32, h * 0.12, 0, Math.PI * 2);
      g.fill();
      g.fillStyle = '#2a7ab0';
      g.fillRect(0, h * 0.62, w, h * 0.38);
      return canvas.toDataURL('image/png');
    },
    [width, height],
  );
  return Buffer.from(dataUrl.split(',')[1], 'base64');
}

await scenario('attachments', async ({ browser, log, pageConsole }) => {
  const { host: hank, guest: alice } = await hostAndGuest(browser, base, pageConsole, hankName, aliceName);
  await firstMessage(alice.page, hankName, 'Sending the photo and the invoice');
  await hank.page.getByTestId('conversation-item').filter({ hasText: aliceName }).click();
  await hank.page.locator('[data-testid="message"] .content', { hasText: 'Sending the photo and the invoice' }).waitFor();
  log('conversation open on both sides');

  const input = alice.page.getByTestId('attach-input');
  await input.setInputFiles({ name: 'page.html', mimeType: 'text/html', buffer: Buffer.from('<script>alert(1)</script>') });
  const refused = alice.page.locator('.picked-file.refused [role="alert"]');
  await refused.waitFor();
  const words = await refused.textContent();
  assert(words.startsWith('files of type text/html cannot be sent; allowed: '), `a refused type is said in words: ${words}`);
  await alice.page.getByRole('button', { name: 'Remove page.html' }).click();
  log(`refused type on its chip: "${words}"`);

  const image = await png(alice.page, 1200, 800);
  await input.setInputFiles([
    { name: 'beach.png', mimeType: 'image/png', buffer: image },
    { name: 'invoice.pdf', mimeType: 'application/pdf', buffer: PDF },
  ]);
  await alice.page.locator('[data-testid="picked-file"][data-ready="true"]').nth(1).waitFor();
  const dir = screenshotDir();
  if (dir) await alice.page.screenshot({ path: `${dir}/desktop-attachments-composer.png` });
  await alice.page.locator('form.composer button[type="submit"]').click();
  log('image and PDF uploaded and sent');

  const thumb = hank.page.locator('[data-testid="message"] [data-testid="attachment-image"][data-name="beach.png"] img');
  await thumb.waitFor();
  const box = await hank.page.locator('[data-testid="attachment-image"][data-name="beach.png"]').boundingBox();
  assert(Math.round(box.width) === 280 && Math.round(box.height) === 187, `the image keeps its proportions in a fixed box: ${JSON.stringify(box)}`);
  const chip = hank.page.locator('[data-testid="message"] a[data-testid="attachment-file"][data-name="invoice.pdf"]');
  await chip.waitFor();
  const [download] = await Promise.all([hank.page.waitForEvent('download'), chip.click()]);
  assert(download.suggestedFilename() === 'invoice.pdf', `downloads under its name: ${download.suggestedFilename()}`);
  assert(readFileSync(await download.path()).equals(PDF), 'the downloaded PDF is the uploaded one');
  log('host sees both live; the PDF downloads byte for byte');
  await alice.page.locator('[data-testid="message"] [data-testid="attachment-image"][data-name="beach.png"] img').waitFor();

  // A reply may carry an image too: one message with the quote and the picture.
  const asked = hank.page.locator('[data-testid="message"]').filter({ has: hank.page.locator('.content', { hasText: 'Sending the photo and the invoice' }) });
  await asked.hover();
  await asked.getByRole('button', { name: 'Reply', exact: true }).click();
  await hank.page.getByTestId('composer-draft').filter({ hasText: `Replying to ${aliceName}` }).waitFor();
  await hank.page.getByTestId('attach-input').setInputFiles({ name: 'harbour.png', mimeType: 'image/png', buffer: await png(hank.page, 600, 400) });
  await hank.page.locator('[data-testid="picked-file"][data-ready="true"]').waitFor();
  await hank.page.getByTestId('composer').fill('This is where we meet');
  await hank.page.locator('form.composer button[type="submit"]').click();
  const reply = alice.page.locator('[data-testid="message"]').filter({ has: alice.page.locator('.content', { hasText: 'This is where we meet' }) });
  await reply.getByTestId('quote').filter({ hasText: 'Sending the photo and the invoice' }).waitFor();
  await reply.locator('[data-testid="attachment-image"][data-name="harbour.png"] img').waitFor();
  await hank.page.locator('[data-testid="message"] [data-testid="attachment-image"][data-name="harbour.png"] img').waitFor();
  log('Hank replied with an image: Alice sees the quote and the picture in one message');
  if (dir) await hank.page.screenshot({ path: `${dir}/desktop-attachments-thread.png` });

  await hank.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await hank.context.setOffline(true);
  await hank.page.locator('[data-testid="link-state"][data-link="offline"]').waitFor();
  await hank.page.reload();
  await hank.page.getByRole('region', { name: `Conversation with ${aliceName}` }).waitFor();
  await hank.page.locator('[data-testid="message"] [data-testid="attachment-image"][data-name="beach.png"] img').waitFor();
  await hank.page.locator('[data-testid="message"] [data-testid="attachment-file"][data-name="invoice.pdf"]').waitFor();
  const natural = await hank.page
    .locator('[data-testid="attachment-image"][data-name="beach.png"] img')
    .evaluate((img) => img.complete && img.naturalWidth);
  assert(natural === 480, `offline, the thumbnail (480 px wide) comes from IndexedDB: ${natural}`);
  log('after an offline reload: the image (cached thumbnail) and the PDF chip are there');
  await hank.context.setOffline(false);
  await waitOnline(hank.page);

  await go(alice.page, 'Settings');
  await alice.page.getByTestId('avatar-input').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: await png(alice.page, 400, 400) });
  await alice.page.locator('[data-testid="profile-picture"] [data-testid="avatar-image"]').waitFor();
  if (dir) await alice.page.screenshot({ path: `${dir}/desktop-attachments-avatar.png` });
  log('profile picture set in Settings');
  await alice.context.close();
  await hank.context.close();
});
