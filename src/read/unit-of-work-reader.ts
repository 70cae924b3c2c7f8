import { Node, type Signature, type Type } from 'ts-morph';

/**
 * `transaction<T>(work: () => Promise<T>): Promise<T>`: a generic method whose one parameter is a callback
 * taking nothing and promising the method's own type parameter, which the method promises back. That is the
 * shape of a unit of work; map/transaction-method.ts decides, with the name, whether gen implements it.
 * Returns the type parameter's name, or undefined for any other shape.
 */
export function unitOfWorkParameter(signature: Signature, at: Node): string | undefined {
  const [typeParameter, ...moreTypeParameters] = signature.getTypeParameters();
  const [parameter, ...moreParameters] = signature.getParameters();
  if (!typeParameter || moreTypeParameters.length > 0 || !parameter || moreParameters.length > 0) return undefined;
  const declaration = parameter.getDeclarations()[0];
  if (declaration && Node.isParameterDeclaration(declaration) && (declaration.isOptional() || declaration.isRestParameter()))
    return undefined;
  const callbacks = parameter.getTypeAtLocation(at).getCallSignatures();
  const [callback] = callbacks;
  if (!callback || callbacks.length > 1 || callback.getParameters().length > 0 || callback.getTypeParameters().length > 0) return undefined;
  const promisesIt = (type: Type) =>
    type.getSymbol()?.getName() === 'Promise' && type.getTypeArguments()[0]?.compilerType === typeParameter.compilerType;
  return promisesIt(callback.getReturnType()) && promisesIt(signature.getReturnType()) ? typeParameter.getText(at) : undefined;
}
