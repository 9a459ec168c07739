import type { ErrorDetail, GoogleErrorBody } from './types';

/**
 * Google's error bodies, copied in shape (and, where known, in wording) from real Gemini API answers,
 * so that the app's error classification is tested against what it will really receive.
 */

export interface HttpError {
  httpStatus: number;
  body: GoogleErrorBody;
  /** Extra response headers (e.g. Retry-After); the real API sends none for these errors. */
  headers?: Record<string, string>;
}

const TYPE = 'type.googleapis.com/google.rpc.';

export function googleError(code: number, status: string, message: string, details?: ErrorDetail[]): HttpError {
  const error: GoogleErrorBody['error'] = { code, message, status };
  if (details && details.length > 0) error.details = details;
  return { httpStatus: code, body: { error } };
}

export const API_KEY_INVALID_MESSAGE = 'API key not valid. Please pass a valid API key.';

export function apiKeyInvalid(): HttpError {
  return googleError(400, 'INVALID_ARGUMENT', API_KEY_INVALID_MESSAGE, [
    {
      '@type': `${TYPE}ErrorInfo`,
      reason: 'API_KEY_INVALID',
      domain: 'googleapis.com',
      metadata: { service: 'generativelanguage.googleapis.com' },
    },
    { '@type': `${TYPE}LocalizedMessage`, locale: 'en-US', message: API_KEY_INVALID_MESSAGE },
  ]);
}

export function invalidArgument(message: string): HttpError {
  return googleError(400, 'INVALID_ARGUMENT', message);
}

export function permissionDenied(): HttpError {
  return googleError(403, 'PERMISSION_DENIED', 'The caller does not have permission');
}

/** The wording the API uses both for unknown models and for a method a model does not support. */
export function modelNotFound(model: string, method: string): HttpError {
  return googleError(
    404,
    'NOT_FOUND',
    `models/${model} is not found for API version v1beta, or is not supported for ${method}. ` +
      'Call ListModels to see the list of available models and their supported methods.',
  );
}

export function pathNotFound(path: string): HttpError {
  return googleError(404, 'NOT_FOUND', `The requested URL ${path} was not found on this server.`);
}

export function rateLimited(model: string, retryDelay: string, retryAfterHeader?: string): HttpError {
  const err = googleError(
    429,
    'RESOURCE_EXHAUSTED',
    'You exceeded your current quota, please check your plan and billing details. For more ' +
      'information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.',
    [
      {
        '@type': `${TYPE}QuotaFailure`,
        violations: [
          {
            quotaMetric: 'generativelanguage.googleapis.com/generate_content_free_tier_requests',
            quotaId: 'GenerateRequestsPerMinutePerProjectPerModel-FreeTier',
            quotaDimensions: { location: 'global', model },
            quotaValue: '10',
          },
        ],
      },
      {
        '@type': `${TYPE}Help`,
        links: [{ description: 'Learn more about Gemini API quotas', url: 'https://ai.google.dev/gemini-api/docs/rate-limits' }],
      },
      { '@type': `${TYPE}RetryInfo`, retryDelay },
    ],
  );
  if (retryAfterHeader !== undefined) err.headers = { 'retry-after': retryAfterHeader };
  return err;
}

export function internalError(): HttpError {
  return googleError(
    500,
    'INTERNAL',
    'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
  );
}

export function overloaded(): HttpError {
  return googleError(503, 'UNAVAILABLE', 'The model is overloaded. Please try again later.');
}
