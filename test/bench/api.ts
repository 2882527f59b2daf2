/** The few API calls the benches make to set up what they measure. */

export async function post<T>(url: string, body: unknown, token?: string): Promise<T> {
	const response = await fetch(url, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			...(token ? { authorization: `Bearer ${token}` } : {})
		},
		body: JSON.stringify(body)
	});
	if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${await response.text()}`);
	return (await response.json()) as T;
}

/** Signs up a fresh account on the server at `url`: its session token, and how to sign in again. */
export async function signUpBench(
	url: string,
	name = 'Bench'
): Promise<{ token: string; email: string; password: string }> {
	const email = `bench-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;
	const password = 'a long enough bench password';
	const { token } = await post<{ token: string }>(`${url}/api/auth/signup`, {
		email,
		password,
		name
	});
	return { token, email, password };
}
