import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../env';
import { meetingMaterialService } from '../../services/meetingMaterials';
import { attachment } from '../downloads';
import { requireUser } from '../guards';
import { addGeneratedMaterialRoute, bundleMaterialsRoute, deleteMaterialRoute, downloadMaterialRoute, listMaterialsRoute, updateMaterialRoute, uploadMaterialRoute } from './materialsSchema';

/**
 * Headers of a material handed out: never rendered in the app's origin (nosniff + a sandbox
 * policy, always an attachment) and never kept by a shared cache.
 */
const safeFileHeaders = (contentType: string, fileName: string, asciiName: string) => ({
  'content-type': contentType,
  'content-disposition': attachment(fileName, asciiName),
  'x-content-type-options': 'nosniff',
  'content-security-policy': "sandbox; default-src 'none'",
  'cache-control': 'private, no-store',
});

/** A meeting's materials (資料, issue 17 item 3). The meetings routes' write budget covers these paths too. */
export function meetingMaterialRoutes(deps: AppDeps, app: OpenAPIHono<AppEnv>) {
  const materials = meetingMaterialService(deps);
  return app
    .openapi(listMaterialsRoute, async (c) => {
      const { id, meetingId } = c.req.valid('param');
      return c.json(await materials.list(requireUser(c), id, meetingId), 200);
    })
    .openapi(uploadMaterialRoute, async (c) => {
      const { id, meetingId } = c.req.valid('param');
      const user = requireUser(c);
      const query = c.req.valid('query');
      // Read after the body limit middleware: an oversized body fails here with 413 while streaming.
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      return c.json({ material: await materials.upload(user, id, meetingId, query, bytes) }, 201);
    })
    .openapi(addGeneratedMaterialRoute, async (c) => {
      const { id, meetingId } = c.req.valid('param');
      return c.json({ material: await materials.addGenerated(requireUser(c), id, meetingId, c.req.valid('json')) }, 201);
    })
    .openapi(updateMaterialRoute, async (c) => {
      const { id, meetingId, materialId } = c.req.valid('param');
      return c.json({ materials: await materials.update(requireUser(c), id, meetingId, materialId, c.req.valid('json')) }, 200);
    })
    .openapi(deleteMaterialRoute, async (c) => {
      const { id, meetingId, materialId } = c.req.valid('param');
      return c.json({ materials: await materials.remove(requireUser(c), id, meetingId, materialId) }, 200);
    })
    .openapi(bundleMaterialsRoute, async (c) => {
      const { id, meetingId } = c.req.valid('param');
      const { body, label } = await materials.bundle(requireUser(c), id, meetingId);
      return c.body(new Uint8Array(body), 200, safeFileHeaders('application/zip', `${label}_資料.zip`, 'materials.zip'));
    })
    .openapi(downloadMaterialRoute, async (c) => {
      const { id, meetingId, materialId } = c.req.valid('param');
      const { material, bytes } = await materials.download(requireUser(c), id, meetingId, materialId);
      return c.body(new Uint8Array(bytes), 200, safeFileHeaders(material.contentType, material.downloadName, `material-${material.position}.${material.fileType}`));
    });
}
