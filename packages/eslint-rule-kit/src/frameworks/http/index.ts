export { getHttpRequest, type HttpLibrary, type HttpRequest } from './get-http-request.js';
